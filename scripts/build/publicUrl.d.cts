/** Types for publicUrl.cjs, so TypeScript tests can use the same rules as the build. */
export declare const DEV_URL: string;
export declare const PLACEHOLDER_URL: string;
export declare class PublicUrlError extends Error {}
export declare function productionUrl(value: string | undefined): string;
export declare function rewriteManifest(xml: string, baseUrl: string): string;
