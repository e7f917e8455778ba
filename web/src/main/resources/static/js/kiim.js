// Kiim's only script of its own: htmx requests carry the CSRF token, and after every swap the keyboard focus
// moves to the new content and screen readers hear what changed (WCAG 2.4.3, 4.1.3).
(function () {
    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute('content') : null;
    }

    document.addEventListener('htmx:configRequest', function (event) {
        var header = meta('csrf-header');
        var token = meta('csrf-token');
        if (header && token) {
            event.detail.headers[header] = token;
        }
    });

    document.addEventListener('htmx:afterSettle', function (event) {
        var swapped = event.detail.elt;
        if (!swapped || !swapped.querySelector) {
            return;
        }
        var focus = swapped.querySelector('h2[tabindex="-1"], [tabindex="-1"]') || swapped;
        if (!focus.hasAttribute('tabindex')) {
            focus.setAttribute('tabindex', '-1');
        }
        focus.focus();
        var summarySelector = swapped.getAttribute('data-announce-from');
        var summary = summarySelector ? document.querySelector(summarySelector) : null;
        var announcer = document.getElementById('announcer');
        if (announcer) {
            announcer.textContent = '';
            // A fresh text node after a tick, so that the same message twice is announced twice.
            window.setTimeout(function () {
                announcer.textContent = (summary || focus).textContent.trim();
            }, 50);
        }
    });

    document.addEventListener('htmx:responseError', function () {
        var announcer = document.getElementById('announcer');
        if (announcer) {
            announcer.textContent = document.documentElement.lang === 'en'
                ? 'The request failed. Please reload the page.'
                : 'Die Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.';
        }
    });
})();
