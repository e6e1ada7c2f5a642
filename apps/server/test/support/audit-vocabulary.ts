// Every audit action, object type and actor label the server's sources can write, read from the
// sources' syntax trees (not by running them), for the test that they all have words.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface AuditVocabulary {
  actions: Map<string, string>;
  entityTypes: Map<string, string>;
  /** Actor labels written as (template) literals; `${…}` parts become "x". */
  labels: Map<string, string>;
  /** Values the collector could not work out: teach it, or write them as literals. */
  unresolved: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    // table definitions name columns, not values
    return e.name.endsWith('.ts') && !/\.(test|tables)\.ts$/.test(e.name) && !e.name.startsWith('test-support') ? [p] : [];
  });
}

const propName = (p: ts.ObjectLiteralElementLike): string | null =>
  (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
const propValue = (p: ts.ObjectLiteralElementLike): ts.Expression | null =>
  ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : null;

export function collectAuditVocabulary(srcDir: string): AuditVocabulary {
  const files = sourceFiles(srcDir).map((f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true));
  // const NAME = 'text' and const NAME = { a: 'x', b: 'y' }, in any file (the names used for audit words are unique)
  const strings = new Map<string, string>();
  const records = new Map<string, string[]>();
  // calls by function name: f(…) with its arguments, to follow a parameter back to the literals passed in
  const calls = new Map<string, ts.NodeArray<ts.Expression>[]>();
  const visitAll = (node: ts.Node, fn: (n: ts.Node) => void) => {
    fn(node);
    node.forEachChild((c) => visitAll(c, fn));
  };
  for (const sf of files) {
    visitAll(sf, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        const init = n.initializer;
        if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) strings.set(n.name.text, init.text);
        else if (ts.isObjectLiteralExpression(init)) {
          const values = init.properties.map(propValue).filter((v): v is ts.StringLiteral => v !== null && ts.isStringLiteral(v));
          if (values.length === init.properties.length && values.length > 0)
            records.set(
              n.name.text,
              values.map((v) => v.text),
            );
        }
      }
      if (ts.isCallExpression(n)) {
        const callee = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : null;
        if (callee) calls.set(callee, [...(calls.get(callee) ?? []), n.arguments]);
      }
    });
  }

  const where = (n: ts.Node) => {
    const sf = n.getSourceFile();
    return `${path.relative(srcDir, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };
  /** The strings an expression can be, or null when this collector cannot tell. */
  const values = (e: ts.Expression, placeholder: string | null, depth = 0): string[] | null => {
    if (depth > 4) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return values(e.expression, placeholder, depth);
    if (ts.isConditionalExpression(e)) {
      const a = values(e.whenTrue, placeholder, depth + 1);
      const b = values(e.whenFalse, placeholder, depth + 1);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
      // `ctx.actor?.label ?? ctx.systemLabel ?? 'system'`: the literal fallbacks
      const right = values(e.right, placeholder, depth + 1);
      const left = values(e.left, placeholder, depth + 1);
      return right ? [...(left ?? []), ...right] : left;
    }
    if (ts.isTemplateExpression(e)) {
      let out = [e.head.text];
      for (const span of e.templateSpans) {
        const part = values(span.expression, placeholder, depth + 1) ?? (placeholder === null ? null : [placeholder]);
        if (!part) return null;
        out = out.flatMap((prefix) => part.map((p) => prefix + p + span.literal.text));
      }
      return out;
    }
    if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression)) return records.get(e.expression.text) ?? null;
    if (ts.isIdentifier(e)) {
      const constant = strings.get(e.text);
      if (constant !== undefined) return [constant];
      return parameterValues(e, placeholder, depth);
    }
    return null;
  };
  /** A parameter of the enclosing function: the literals its callers pass. */
  const parameterValues = (id: ts.Identifier, placeholder: string | null, depth: number): string[] | null => {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if (!ts.isFunctionDeclaration(n) || !n.name) continue;
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
      if (index < 0) return null;
      const found = (calls.get(n.name.text) ?? []).map((args) => (args[index] ? values(args[index], placeholder, depth + 1) : null));
      if (found.length === 0 || found.some((f) => f === null)) return null;
      return found.flat() as string[];
    }
    return null;
  };

  const vocabulary: AuditVocabulary = { actions: new Map(), entityTypes: new Map(), labels: new Map(), unresolved: [] };
  const add = (into: Map<string, string>, list: string[], node: ts.Node) => {
    for (const v of list) if (!into.has(v)) into.set(v, where(node));
  };
  for (const sf of files) {
    visitAll(sf, (n) => {
      if (!ts.isObjectLiteralExpression(n)) return;
      const props = new Map(n.properties.flatMap((p) => (propName(p) ? [[propName(p)!, p] as const] : [])));
      const action = props.get('action');
      const entityType = props.get('entityType');
      // an audit event: { action, entityType, entityId, … }
      if (action && entityType && props.has('entityId')) {
        for (const [key, into] of [
          [action, vocabulary.actions],
          [entityType, vocabulary.entityTypes],
        ] as const) {
          const value = propValue(key);
          // copying an event along (`action: ev.action`) writes nothing new
          if (value && ts.isPropertyAccessExpression(value) && value.name.text === propName(key)) continue;
          const list = value ? values(value, null) : null;
          if (list) add(into, list, key);
          else vocabulary.unresolved.push(`${where(key)}: ${key.getText()}`);
        }
      }
      // who did it, when not a signed-in person: AuditContext.systemLabel, or an Actor's label
      const label = props.get('systemLabel') ?? props.get('actorLabel') ?? (props.has('grants') && props.has('tokenLimit') ? props.get('label') : undefined);
      const value = label ? propValue(label) : null;
      if (value) {
        // an e-mail or another value from data is a person, not a word to translate
        const list = values(value, 'x');
        if (list) add(vocabulary.labels, list, label!);
      }
    });
  }
  return vocabulary;
}
