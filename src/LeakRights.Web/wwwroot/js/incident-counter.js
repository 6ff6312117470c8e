// The "我也受到影响" button on an incident page (docs/decisions/0011). The page is served from a shared cache, so it holds
// no per-person token: on submit this script fetches a challenge and an antiforgery token, finds a nonce whose
// SHA-256("challenge:nonce") starts with the required number of zero bits, fills the form and posts it. Without
// JavaScript the post arrives without them and the server answers with a clear message.
(function () {
    'use strict';
    var form = document.querySelector('form[data-affected-form]');
    if (!form || !window.fetch || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
        return;
    }

    var status = form.querySelector('[data-affected-status]');
    var button = form.querySelector('button[type=submit]');

    function leadingZeroBits(bytes, bits) {
        for (var i = 0; i < bits; i++) {
            if ((bytes[i >> 3] & (0x80 >> (i & 7))) !== 0) {
                return false;
            }
        }
        return true;
    }

    async function solve(challenge, bits) {
        var encoder = new TextEncoder();
        for (var n = 0; n < 100000000; n++) {
            var digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + n)));
            if (leadingZeroBits(digest, bits)) {
                return String(n);
            }
        }
        throw new Error('no nonce');
    }

    form.addEventListener('submit', async function (event) {
        event.preventDefault();
        button.disabled = true;
        status.textContent = '正在登记，请稍候（需要几秒钟）……';
        try {
            var response = await fetch(form.getAttribute('data-challenge'), { credentials: 'same-origin', cache: 'no-store' });
            if (!response.ok) {
                status.textContent = response.status === 429 ? '操作太频繁了，请稍后再试。' : '暂时无法登记，请稍后再试。';
                button.disabled = false;
                return;
            }
            var c = await response.json();
            form.elements.challenge.value = c.challenge;
            form.elements.__RequestVerificationToken.value = c.token;
            form.elements.nonce.value = await solve(c.challenge, c.bits);
            form.submit();
        } catch (e) {
            status.textContent = '暂时无法登记，请稍后再试。';
            button.disabled = false;
        }
    });
})();
