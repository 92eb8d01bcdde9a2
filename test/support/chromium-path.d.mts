export const CHROMIUM_ARGS: string[];
export function chromiumPath(): string | undefined;
export function chromiumLaunchError(executablePath: string): Promise<string | undefined>;
export function browserTestPlan(input: { ci: boolean; path: string | undefined; launchError: string | undefined }):
  | { run: true }
  | { run: false; fail: boolean; message: string };
