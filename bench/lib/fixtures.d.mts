export function block(i: number): string[];
export function dockerfile(lines: number): string;
export function writeGoWorkspace(dir: string, opts?: { apps?: number; packages?: number }): void;
export function quantile(sorted: number[], q: number): number;
export function median(values: number[]): number;
