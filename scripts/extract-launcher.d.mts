// Types of extract-launcher.mjs (plain JavaScript: it must start without tsx).
export declare const DEFAULT_BUNDLE_DIR: string;
export declare function bundleFresh(o: { entry: string; dir: string; esbuild?: string }): boolean;
export declare function buildBundle(o: { entry: string; dir: string }): Promise<void>;
export declare function ensureBundle(o: { entry: string; dir: string }): Promise<string | undefined>;
