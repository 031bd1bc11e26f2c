import ts from 'typescript';

/**
 * Calls in test code that make the browser compile a string inside the page, which an extension
 * page's CSP refuses (Firefox ESR 140 blocks puppeteer's `waitForFunction`, whose predicate is
 * built with `Function()`): `waitForFunction` (puppeteer and Playwright), the `evaluate` family
 * or an init script given anything but an inline function, `eval`, `new Function`, and
 * `addScriptTag`. Read from the TypeScript syntax tree, so comments and strings do not count;
 * a variable passed to the `evaluate` family is allowed only when the type checker says it is a
 * function (a table of attack functions), never when it could be a string.
 */
export interface EvalCall {
  file: string;
  line: number;
  call: string;
  why: string;
}

/** Methods whose first argument runs in the page; allowed only as an inline function. */
const FUNCTION_ONLY = new Set([
  'evaluate',
  'evaluateHandle',
  '$eval',
  '$$eval',
  'evaluateOnNewDocument',
  'addInitScript',
]);

function isInlineFunction(node: ts.Node | undefined): boolean {
  return !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}

/** Whether every possible value of `node` is a function (`any`, `unknown` and strings are not). */
function isFunctionTyped(node: ts.Node, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every(
    (t) =>
      t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) ||
      (!(t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) && t.getCallSignatures().length > 0),
  );
}

/** One file checked on its own (imports unresolved: what they bring in is `any`, so it fails). */
function checkerFor(file: string, source: string): { sf: ts.SourceFile; checker: ts.TypeChecker } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    noResolve: true,
    noEmit: true,
    strict: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === file ? ts.createSourceFile(file, source, lang, true) : read(name, lang, ...rest);
  const program = ts.createProgram([file], options, host);
  return { sf: program.getSourceFile(file)!, checker: program.getTypeChecker() };
}

export function findEvalCalls(source: string, file = 'input.ts'): EvalCall[] {
  const { sf, checker } = checkerFor(file, source);
  const found: EvalCall[] = [];
  const report = (node: ts.Node, call: string, why: string) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      call,
      why,
    });
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : undefined;
      // `$eval`/`$$eval` take a selector first, then the function.
      const fnArg = name === '$eval' || name === '$$eval' ? node.arguments[1] : node.arguments[0];
      if (name === 'waitForFunction')
        report(node, name, 'compiles its predicate with Function() in the page: use poll()');
      else if (
        name &&
        FUNCTION_ONLY.has(name) &&
        !isInlineFunction(fnArg) &&
        !(fnArg && ts.isIdentifier(fnArg) && isFunctionTyped(fnArg, checker))
      )
        report(node, name, 'pass an inline function, not a string or a variable');
      else if (name === 'eval' || name === 'Function') report(node, name, 'evaluates a string');
      else if (name === 'addScriptTag')
        report(node, name, 'injects a script that page CSP refuses');
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Function'
    ) {
      report(node, 'new Function', 'evaluates a string');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
