export declare const VITE_PARENT_ENV: readonly string[];
