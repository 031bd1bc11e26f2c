import ts from 'typescript';

/**
 * Calls in test code that make the browser compile a string inside the page, which an extension
 * page's CSP refuses (Firefox ESR 140 blocks puppeteer's `waitForFunction`, whose predicate is
 * built with `Function()`): `waitForFunction` (puppeteer and Playwright), the `evaluate` family
 * or an init script given anything but an inline function, `eval`, `new Function`, and
 * `addScriptTag`. Read from the TypeScript syntax tree, so comments and strings do not count.
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

export function findEvalCalls(source: string, file = 'input.ts'): EvalCall[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
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
      else if (name && FUNCTION_ONLY.has(name) && !isInlineFunction(fnArg))
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
