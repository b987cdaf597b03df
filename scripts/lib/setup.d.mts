export declare const ROOT: string;
/** Why the dependencies need installing, or null when node_modules matches the lock file. */
export declare function installReason(root?: string): string | null;
/** Install the locked dependencies when needed; true when it installed. Exits on failure. */
export declare function ensureDependencies(root?: string): boolean;
