// web-ext ships no type declarations: the part of its Node API that build-ext.ts and lint-ext.ts
// call.
declare module 'web-ext' {
  interface BuildParams {
    sourceDir: string;
    artifactsDir: string;
    /** The package's file name (a template like `{name}-{version}.zip` by default). */
    filename?: string;
    overwriteDest?: boolean;
    ignoreFiles?: string[];
  }
  interface BuildOptions {
    showReadyMessage?: boolean;
  }
  interface LintParams {
    sourceDir: string;
    selfHosted?: boolean;
    /** 'none' returns the result without printing it. */
    output?: 'text' | 'json' | 'none';
    warningsAsErrors?: boolean;
  }
  interface LintOptions {
    shouldExitProgram?: boolean;
  }
  const webExt: {
    cmd: {
      build(params: BuildParams, options?: BuildOptions): Promise<{ extensionPath: string }>;
      lint(params: LintParams, options?: LintOptions): Promise<unknown>;
    };
  };
  export default webExt;
}
