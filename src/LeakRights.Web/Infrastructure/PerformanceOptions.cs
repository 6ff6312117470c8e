namespace LeakRights.Web.Infrastructure;

/// <summary>Settings under "LeakRights:Performance".</summary>
public sealed class PerformanceOptions
{
    public const string Section = "LeakRights:Performance";

    /// <summary>
    /// Right after the server starts listening, send the hot paths (pages, a step and its post, the plans API, a plan page, a
    /// PDF) to this instance over loopback, so the JIT has compiled and tiered them before the first spike (issue 15). On by
    /// default; the functional tests switch it off.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// Open the instance's addresses only once the warm-up has ended (<see cref="WarmFirstServer"/>): until then nothing
    /// listens there, so a proxy without readiness checks (nginx) sends people to the other instances instead of to a slow
    /// new one. Off by default: a single instance would refuse connections for the warm-up's seconds instead of answering
    /// slowly. The multi-instance deployment (docs/deploy) turns it on.
    /// </summary>
    public bool WarmUpBeforeListening { get; set; }

    /// <summary>How many times each warm-up request is sent at least.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = Section + ":WarmUpRounds")]
    [System.ComponentModel.DataAnnotations.Range(1, 500)]
    public int WarmUpRounds { get; set; } = 60;

    /// <summary>
    /// After <see cref="WarmUpRounds"/>, go on until the JIT has stopped compiling new code (the hot paths run as optimised
    /// tier-1 code), at most <see cref="WarmUpMaxSeconds"/>. The instance reports ready on <c>/readyz</c> once the warm-up has
    /// ended.
    /// </summary>
    public bool WarmUpUntilSettled { get; set; } = true;

    /// <summary>
    /// The longest the warm-up goes on for (it then ends, settled or not). It settles in 13-19 s on the project's two cores
    /// (docs/performance.md, finding 19); 20 s cut it short twice in eight starts on a slow minute of that machine.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Display(Name = Section + ":WarmUpMaxSeconds")]
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int WarmUpMaxSeconds { get; set; } = 30;

    /// <summary>PDFs rendered at once (<see cref="PdfRenderGate"/>); 0 = one per processor core.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = Section + ":PdfConcurrency")]
    [System.ComponentModel.DataAnnotations.Range(0, 64)]
    public int PdfConcurrency { get; set; }

    /// <summary>PDF requests that may wait for a slot; beyond them a request is refused at once with 503 and Retry-After.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = Section + ":PdfQueue")]
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int PdfQueue { get; set; } = 200;
}
