/**
 * The production ExcelGateway: the real Office.js behind the same interface the fake implements,
 * so the task pane never refers to the `Excel` or `Office` globals itself.
 */
import type { ExcelGateway, XlPlatform } from './api';

/**
 * Excel for Mac ignores a download started by a blob link, and says nothing (a known Office
 * limitation); Excel on iPad has no downloads folder to put it in. Everywhere else (Windows with
 * WebView2, Excel on the web) the webview hands the file to the browser's download.
 */
function hostCanDownload(): boolean {
  const platform = Office.context.platform;
  return platform !== Office.PlatformType.Mac && platform !== Office.PlatformType.iOS;
}

function hostPlatform(): XlPlatform {
  switch (Office.context.platform) {
    case Office.PlatformType.PC:
      return 'PC';
    case Office.PlatformType.Mac:
      return 'Mac';
    case Office.PlatformType.OfficeOnline:
      return 'OfficeOnline';
    case Office.PlatformType.iOS:
      return 'iOS';
    default:
      return 'Other';
  }
}

export function officeGateway(): ExcelGateway {
  return {
    platform: hostPlatform(),
    // Excel.RequestContext is assignable to XlContext (api.ts proves the subset at compile time).
    run: (fn) => Excel.run((context) => fn(context)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
    files: {
      canDownload: hostCanDownload(),
      // ExcelApi 1.8, below the manifest's minimum: no gate needed (requirements.ts).
      openWorkbook: (base64) => Excel.createWorkbook(base64),
    },
  };
}
