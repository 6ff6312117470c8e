using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace LeakRights.Core.Pdf;

/// <summary>
/// A file mapped read-only into memory for the life of the process, read as a <see cref="ReadOnlyMemory{T}"/>: what a font
/// library does with its font files. Only the pages read (the tables, the outlines a PDF embeds) become resident, and they
/// are the page cache's, clean and shared between instances, where a byte array held each 7.5 MB face whole on the
/// large-object heap (docs/performance.md, finding 30). Like the app's own assemblies, the file must not be overwritten in
/// place while an instance runs (the deployment guide installs a release into a new folder).
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length is 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"'{path}' is empty or too large to map ({length} bytes).");
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        try
        {
            _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _pointer = pointer + _view.PointerOffset;
            _length = (int)length;
        }
        catch
        {
            // Nothing half-made stays open: the next PDF tries again (NotoFontResolver keeps no failure).
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The whole file, mapped read-only; the mapping is never released (the faces live as long as the process).</summary>
    public static ReadOnlyMemory<byte> Map(string path) => new MappedFile(path).Memory;

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }
}
