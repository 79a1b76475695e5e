/*
 * The task pane's bootstrap: the script taskpane.html runs after Office.js. Hand-written ES5 with no
 * ES2015+ APIs, so that every webview Office uses can parse and run it, Internet Explorer 11
 * included (test/build/bootstrap.test.ts parses it as ES5 and checks the APIs it uses).
 *
 * The pane itself (React 18 and Fluent UI v9, built for the browsers in package.json's
 * browserslist) cannot run in Internet Explorer 11 (Trident) or the old Edge (EdgeHTML), which
 * Office 2016 and 2019 volume-licensed and Microsoft 365 builds without WebView2 use for add-ins.
 * Without this file those webviews show an empty pane. With it they show, in plain words, why
 * the pane cannot run there and what works instead. It does the same when Office.js does not
 * load, when the pane's own scripts fail to load or to parse, and when the pane has not started
 * within 15 seconds.
 *
 * Why the bootstrap loads the pane's scripts itself, rather than the page listing them:
 * - An engine that cannot run the pane never downloads the scripts, nor fails on them: on an old
 *   webview (often on a slow network) the message appears at once, and only the message.
 * - The pane and the message can never both appear: a working engine that is told apart wrongly
 *   (or a test that gives Chromium Internet Explorer's user agent) gets the message alone.
 * - The bootstrap knows which files are the pane's, so it tells their failures apart from
 *   anything Office.js reports.
 * The file names come from the script element's data-scripts attribute, written by the build
 * (webpack.config.js); they load in order, as the page would have loaded them.
 *
 * The message's words and layout are in bootstrapMessage.js, loaded only when something is wrong,
 * so that a working pane does not load them. Should that file not load either, a short message
 * written here says what to do.
 *
 * The pane reports back through window.paneBootstrap.rendered() once it has rendered
 * (src/taskpane/bootstrapSignal.ts); a message already shown then makes way for the pane.
 */
(function () {
  'use strict';

  /** How long the pane may take to start before the bootstrap says so (tests set it shorter). */
  var DEFAULT_TIMEOUT_MS = 15000;
  /** The longest the pane's scripts wait for the frame to be painted (see afterFramePainted). */
  var FRAME_WAIT_LIMIT_MS = 100;
  var MESSAGE_ID = 'pane-problem';
  var FRAME_ID = 'pane-frame';

  var config = document.getElementById('pane-bootstrap');
  var files = splitWords(config ? config.getAttribute('data-scripts') : '');
  var messageScript = config ? config.getAttribute('data-message') : '';
  var timeoutMs =
    typeof window.paneBootstrapTimeoutMs === 'number' ? window.paneBootstrapTimeoutMs : DEFAULT_TIMEOUT_MS;
  /** The address of the folder the pane is served from: its own scripts start with it. */
  var baseUrl = location.href
    .split('#')[0]
    .split('?')[0]
    .replace(/[^/]*$/, '');

  var rendered = false;
  /** The reason of the message shown (or being loaded), or null. */
  var shown = null;
  /** What the message needs to know besides its reason (bootstrapMessage.js reads it). */
  var context = {
    engine: oldEngineName(navigator.userAgent),
    timeoutMs: timeoutMs,
    officeReady: false,
    darkTheme: false,
  };
  var messageLoading = false;
  var pendingCallback = null;

  window.paneBootstrap = {
    /** Called by the pane once it has rendered: it works, so no message stands in its way. */
    rendered: function () {
      rendered = true;
      removeMessage();
    },
  };

  function splitWords(text) {
    var words = (text || '').split(' ');
    var result = [];
    for (var i = 0; i < words.length; i++) if (words[i] !== '') result.push(words[i]);
    return result;
  }

  /** Internet Explorer and the old Edge, named as the officer would know them, or null. */
  function oldEngineName(userAgent) {
    if (userAgent.indexOf('Trident/') !== -1 || userAgent.indexOf('MSIE ') !== -1) {
      return 'Internet Explorer 11';
    }
    // The old Edge says "Edge/18..."; the current, Chromium-based Edge and WebView2 say "Edg/".
    if (/ Edge\/\d/.test(userAgent)) return 'the old version of Microsoft Edge (EdgeHTML)';
    return null;
  }

  /**
   * A cheap check that the engine has what the pane's scripts need: functions added in ES2019 to
   * ES2021, which every browser the bundle is built for has (Safari 14, Chrome 85 and later).
   * Only looked up, never called: an engine without them cannot parse the bundle either.
   */
  function hasCurrentFeatures() {
    return (
      typeof Promise !== 'undefined' &&
      typeof Promise.any === 'function' &&
      typeof String.prototype.replaceAll === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flat === 'function'
    );
  }

  /** Shows the message for `reason` ('engine', 'office', 'script' or 'timeout') instead of the pane. */
  function showMessage(reason, detail) {
    // A specific failure may replace the timeout message; nothing replaces a specific failure.
    if (shown !== null && shown !== 'timeout') return;
    removeMessage();
    shown = reason;
    withMessageScript(function (show) {
      if (shown !== reason) return;
      var root = document.getElementById('root');
      if (root) root.style.display = 'none';
      show(reason, detail, context);
    });
  }

  /**
   * Runs `callback` with bootstrapMessage.js's show function, loading that file the first time;
   * with the short fallback if it cannot load (or did not define it). Only the latest callback
   * waiting for the file runs.
   */
  function withMessageScript(callback) {
    if (window.paneBootstrapMessage) {
      callback(window.paneBootstrapMessage.show);
    } else if (!messageScript) {
      callback(showFallback);
    } else {
      pendingCallback = callback;
      if (!messageLoading) loadMessageScript();
    }
  }

  function loadMessageScript() {
    messageLoading = true;
    var done = function () {
      messageLoading = false;
      if (!window.paneBootstrapMessage) messageScript = '';
      var next = pendingCallback;
      pendingCallback = null;
      if (next) withMessageScript(next);
    };
    var script = document.createElement('script');
    script.src = messageScript;
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    document.head.appendChild(script);
  }

  /** The few words that need no other file, for when bootstrapMessage.js cannot load either. */
  function showFallback() {
    var message = document.createElement('main');
    message.id = MESSAGE_ID;
    message.className = 'pane-problem';
    message.setAttribute('role', 'alert');
    var title = document.createElement('h1');
    title.appendChild(document.createTextNode('The pane could not start'));
    var text = document.createElement('p');
    text.appendChild(
      document.createTextNode(
        'Close the pane and open it again, or open this workbook in Excel on the web. ' +
          'If this keeps happening, tell your IT team.'
      )
    );
    message.appendChild(title);
    message.appendChild(text);
    document.body.appendChild(message);
  }

  function removeMessage() {
    var message = document.getElementById(MESSAGE_ID);
    if (message && message.parentNode) message.parentNode.removeChild(message);
    var root = document.getElementById('root');
    if (root) root.style.display = '';
    shown = null;
  }

  function isPaneScript(url) {
    return typeof url === 'string' && url.indexOf(baseUrl) === 0 && /\.js$/.test(url.split('?')[0]);
  }

  /** An error thrown by one of the pane's scripts (a SyntaxError included) before it rendered. */
  function onError(event) {
    if (rendered || !isPaneScript(event.filename)) return;
    var file = event.filename.substring(baseUrl.length);
    showMessage('script', (event.message || 'an error') + ' in ' + file);
  }

  /** Office's theme, once Office.js knows it: the message and the frame follow it. */
  function followOfficeTheme() {
    try {
      Office.onReady(function () {
        context.officeReady = true;
        var theme = Office.context && Office.context.officeTheme;
        context.darkTheme = !!(theme && isDark(theme.bodyBackgroundColor));
        var message = document.getElementById(MESSAGE_ID);
        if (message && context.darkTheme) message.className += ' pane-problem-dark';
        // The page's frame (taskpane.html) follows the system's setting until now: Office's
        // theme decides from here, as it will for the pane that replaces the frame.
        var frame = document.getElementById(FRAME_ID);
        if (frame && theme) frame.className += context.darkTheme ? ' pane-frame-dark' : ' pane-frame-light';
      });
    } catch (error) {
      // Office.js is there but not working: the message keeps the light theme, and IT is told.
      context.officeProblem = 'Office.onReady failed: ' + (error && error.message);
    }
  }

  /** True for a '#RRGGBB' colour closer to black than to white. */
  function isDark(colour) {
    var match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour || '');
    if (!match) return false;
    var brightness =
      0.299 * parseInt(match[1], 16) + 0.587 * parseInt(match[2], 16) + 0.114 * parseInt(match[3], 16);
    return brightness < 128;
  }

  function loadPaneScripts() {
    for (var i = 0; i < files.length; i++) {
      var script = document.createElement('script');
      script.src = files[i];
      // Run in the order given (the shared vendor file before the pane), as the page would.
      script.async = false;
      script.addEventListener('error', onLoadError(files[i]));
      document.head.appendChild(script);
    }
  }

  function onLoadError(file) {
    return function () {
      if (!rendered) showMessage('script', file + ' did not load');
    };
  }

  function start() {
    var hasOffice = typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function';
    if (hasOffice) followOfficeTheme();
    if (context.engine !== null || !hasCurrentFeatures()) {
      showMessage('engine');
      return;
    }
    if (!hasOffice) {
      showMessage('office');
      return;
    }
    window.addEventListener('error', onError);
    afterFramePainted(loadPaneScripts);
    setTimeout(function () {
      if (!rendered) showMessage('timeout');
    }, timeoutMs);
  }

  /**
   * Runs `callback` once the page's frame has been painted. The preloaded scripts are in the cache
   * by DOMContentLoaded, and run at once they would hold the first paint back until React had
   * rendered (about 0.7 s with the CPU slowed four times): a callback from requestAnimationFrame
   * runs just before the browser paints, so a task queued from it runs just after. Where frames
   * are not being drawn (a hidden pane), requestAnimationFrame waits, so a short timer starts the
   * scripts anyway; whichever comes first runs them, once.
   */
  function afterFramePainted(callback) {
    var done = false;
    function once() {
      if (done) return;
      done = true;
      callback();
    }
    if (typeof window.requestAnimationFrame === 'function') {
      window.requestAnimationFrame(function () {
        setTimeout(once, 0);
      });
    }
    setTimeout(once, FRAME_WAIT_LIMIT_MS);
  }

  /**
   * Starts downloading the pane's scripts without running them (link rel=preload), where the pane
   * can run: they arrive while the browser lays out and paints the page's frame, and
   * loadPaneScripts then runs them from the cache once the frame is on screen. Engines without
   * preload (Internet Explorer, the old Edge) never get here.
   */
  function preloadPaneScripts() {
    for (var i = 0; i < files.length; i++) {
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'script';
      link.href = files[i];
      document.head.appendChild(link);
    }
  }

  // Office.js comes before this script in the page: it has run (or failed) by now.
  if (
    context.engine === null &&
    hasCurrentFeatures() &&
    typeof Office !== 'undefined' &&
    Office &&
    typeof Office.onReady === 'function'
  ) {
    preloadPaneScripts();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
