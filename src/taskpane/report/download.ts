/**
 * Offering a file from the task pane without the clipboard: a Blob behind a temporary link. Hosts
 * whose web view cannot download (or lack object URLs) get a sentence instead of a silent no-op.
 */
import { refuse, type Refusal } from '../../domain';

export type DownloadOutcome = { readonly status: 'offered' } | Refusal<'cannot-download'>;

export function offerDownload(fileName: string, blob: Blob): DownloadOutcome {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return refuse('cannot-download', `This version of Excel cannot save ${fileName} from the task pane.`, [
      fileName,
    ]);
  }
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return { status: 'offered' };
  } finally {
    // Revoked on the next turn: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The pane hands a file to the browser and cannot know whether it was saved: it says where to look. */
export function handedOver(fileName: string): string {
  return `${fileName} was handed to Excel to download: look in your Downloads folder, or choose where to save it if Excel asks.`;
}

/** Base64 of bytes, as Excel.createWorkbook takes a file; in slices, as String.fromCharCode takes few arguments. */
export function bytesBase64(bytes: Uint8Array): string {
  let binary = '';
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/** Bytes of a base64 string (as chart.getImage returns), for a Blob. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
