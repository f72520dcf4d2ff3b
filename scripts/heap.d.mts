export declare const DEFAULT_HEAP_MB: number;
export declare function heapArgs(env?: Readonly<Record<string, string | undefined>>): string[];
