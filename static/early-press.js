// "Tell a grown-up" before the app has started. The button is drawn with the page, a moment
// before the app's code runs; a press in that moment must still cover the screen at once and
// still be reported. This shows the cover (already in the page) and leaves a note that the app
// picks up as it starts (src/lib/report/early-press.ts), which then records the press as usual.
//
// It is loaded parser-blocking in <head> (src/app.html), so it listens before the button exists:
// no press can arrive before it. The cover is opened by marking the page itself
// (<html data-early-press>, styled in app.css), so it shows even if the press comes before the
// cover's own markup has been parsed, and stays shown while the app hydrates.
// A plain file, not inline, so the Content-Security-Policy needs no exception for it.
(function () {
	function press(event) {
		if (window.__harbourStarted || window.__harbourEarlyPress) return;
		var target = event.target;
		if (!(target instanceof Element) || !target.closest('button.tell')) return;
		document.documentElement.setAttribute('data-early-press', '');
		window.__harbourEarlyPress = { at: event.timeStamp, screen: location.pathname };
		var cover = document.querySelector('.cover');
		if (cover) {
			cover.removeAttribute('inert');
			cover.removeAttribute('aria-hidden');
		}
	}
	document.addEventListener('pointerdown', press, true);
	document.addEventListener('click', press, true);
})();
