/*
 * The words and layout of the message the bootstrap (bootstrap.js) shows when the pane cannot
 * run, loaded by it only then. Hand-written ES5 with no ES2015+ APIs, like the bootstrap, for
 * Internet Explorer 11 and the old Edge; styled by taskpane.html's .pane-problem rules.
 *
 * window.paneBootstrapMessage.show(reason, detail, context) puts the message on the page:
 * - reason: 'engine' (a webview the pane cannot run in), 'office' (Office.js did not load),
 *   'script' (one of the pane's scripts did not load or run) or 'timeout';
 * - detail: what went wrong, for IT (a file name and error), or undefined;
 * - context: { engine, timeoutMs, officeReady, darkTheme, officeProblem } from the bootstrap.
 */
(function () {
  'use strict';

  var MESSAGE_ID = 'pane-problem';
  /** The assessment workbook as a file, written into the add-in's folder by the build. */
  var WORKBOOK_FILE = 'equality-assessment.xlsx';
  var RETRY = 'Close the pane and open it again. If this keeps happening, tell your IT team.';

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    for (var name in attributes) {
      if (Object.prototype.hasOwnProperty.call(attributes, name)) node.setAttribute(name, attributes[name]);
    }
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** The heading and paragraphs for each reason. */
  function explanation(reason, context) {
    var seconds = Math.round(context.timeoutMs / 1000);
    if (reason === 'engine') {
      return {
        title: 'This version of Excel cannot run the pane',
        paragraphs: [
          'This copy of Excel opens add-ins in ' +
            (context.engine || 'an older web browser') +
            ', which the pane cannot use.',
          'The pane needs Microsoft 365, Excel 2021 or later, Excel on the web, or a current Excel for Mac.',
          'Your IT team can make it work here by updating Office, or on Windows by installing ' +
            'the Microsoft Edge WebView2 Runtime.',
        ],
      };
    }
    if (reason === 'office') {
      return {
        title: 'The pane could not start',
        paragraphs: [
          'It could not load Office.js from Microsoft, which every add-in needs. The connection ' +
            'may have dropped, or a firewall may block appsforoffice.microsoft.com.',
          RETRY,
        ],
      };
    }
    if (reason === 'timeout') {
      return {
        title: 'The pane is taking too long to start',
        paragraphs: [
          context.officeReady
            ? 'The pane did not finish loading within ' + seconds + ' seconds.'
            : 'Excel did not say it was ready within ' + seconds + ' seconds.',
          'It may still appear: wait a little. If it does not, close the pane and open it again.',
        ],
      };
    }
    // Only an engine that passed the bootstrap's checks loads the scripts: this is not about its age.
    return {
      title: 'The pane could not start',
      paragraphs: ['Part of the pane did not load, or this copy of Excel could not read it.', RETRY],
    };
  }

  /** What the officer can do today, whatever went wrong. */
  function alternatives() {
    return [
      element('h2', {}, ['What you can do instead']),
      element('ul', {}, [
        element('li', {}, [
          'Open this workbook in Excel on the web (in your browser, from OneDrive or SharePoint) ' +
            'and open the pane there.',
        ]),
        element('li', {}, [
          'Or fill in the ',
          // A new window: Office opens it in the default browser, which downloads the file.
          element('a', { href: WORKBOOK_FILE, target: '_blank', rel: 'noopener' }, [
            'assessment workbook file',
          ]),
          ': an Excel file with the same sheets and results, which needs no add-in.',
        ]),
      ]),
    ];
  }

  function show(reason, detail, context) {
    var text = explanation(reason, context);
    var children = [element('h1', { id: MESSAGE_ID + '-title' }, [text.title])];
    for (var i = 0; i < text.paragraphs.length; i++) children.push(element('p', {}, [text.paragraphs[i]]));
    children = children.concat(alternatives());
    var forIt = 'Details for IT: ' + reason;
    if (detail) forIt += ' (' + detail + ')';
    if (context.officeProblem) forIt += '; ' + context.officeProblem;
    children.push(element('p', { class: 'pane-problem-detail' }, [forIt + '; ' + navigator.userAgent]));
    var message = element(
      'main',
      {
        id: MESSAGE_ID,
        class: 'pane-problem' + (context.darkTheme ? ' pane-problem-dark' : ''),
        'aria-labelledby': MESSAGE_ID + '-title',
        role: 'alert',
      },
      children
    );
    document.body.appendChild(message);
  }

  window.paneBootstrapMessage = { show: show };
})();
