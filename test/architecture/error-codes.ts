// Every error code the ledger can raise, collected from the source rather than kept by hand: the codes of
// LedgerError classes (`readonly code = '...'`, or a `code` constructor parameter typed as literals), and the
// codes passed where a code is expected: to invalid/conflict/notFound, to DomainError and
// ResourceNotFoundError, to any function or constructor of ours whose parameter is named `code` or
// `...Code`, and in problems listed as { code, message }. The shell's own codes (body parser, router) come from the problem filter. Each code's kind gives
// its HTTP status; its meaning is the message it is raised with (or the class's doc comment).
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ErrorKind } from '@ledger/domain';
import { sourceFiles } from './import-graph';

const ROOT = path.resolve(__dirname, '../..');
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const FILTER = 'apps/ledger-api/src/http/problem-details.filter.ts';

export interface ErrorCodeEntry {
  code: string;
  /** Kinds it is raised with (one, nearly always); empty for the shell's own codes, which have a status. */
  kinds: ErrorKind[];
  statuses: number[];
  meaning: string;
  /** Where it was first found. */
  at: string;
}

const HELPER_KINDS: Record<string, ErrorKind> = {
  invalid: 'invalid',
  conflict: 'conflict',
  notFound: 'not_found',
};

interface Parsed {
  file: string;
  source: ts.SourceFile;
}

interface ClassInfo {
  name: string;
  base?: string;
  codes: string[];
  kind?: ErrorKind;
  /** Index of a constructor parameter named code, when the code is given at construction. */
  codeParam?: number;
  doc: string;
  at: string;
}

function parse(files: readonly string[]): Parsed[] {
  return files.map((file) => ({
    file,
    source: ts.createSourceFile(
      file,
      ts.sys.readFile(path.join(ROOT, file)) ?? '',
      ts.ScriptTarget.ES2022,
      true,
      ts.ScriptKind.TS,
    ),
  }));
}

const literal = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

function lastName(expression: ts.Node): string {
  const text = expression.getText();
  const match = /([A-Za-z_$][\w$]*)\W*$/.exec(text);
  return match ? match[1] : text;
}

/** A message as a reader sees it: `${field} must be ...` becomes `<field> must be ...`. */
function messageText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return (
      node.head.text +
      node.templateSpans.map((span) => `<${lastName(span.expression)}>${span.literal.text}`).join('')
    );
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = messageText(node.left);
    const right = messageText(node.right);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? '…') + (right ?? '…');
  }
  if (ts.isParenthesizedExpression(node)) return messageText(node.expression);
  return undefined;
}

function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const comment = docs.map((doc) => (typeof doc.comment === 'string' ? doc.comment : '')).join(' ');
  return comment.replace(/\s+/g, ' ').trim();
}

const calleeName = (expression: ts.Expression): string | undefined =>
  ts.isIdentifier(expression)
    ? expression.text
    : ts.isPropertyAccessExpression(expression)
      ? expression.name.text
      : undefined;

function classes(parsed: readonly Parsed[]): Map<string, ClassInfo> {
  const found = new Map<string, ClassInfo>();
  for (const { file, source } of parsed) {
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses
          ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
          ?.types[0]?.expression.getText();
        const info: ClassInfo = { name: node.name.text, base, codes: [], doc: docOf(node), at: file };
        for (const member of node.members) {
          if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
            const value = literal(member.initializer);
            if (member.name.text === 'code' && value) info.codes.push(value);
            if (member.name.text === 'kind' && value) info.kind = value as ErrorKind;
          }
          if (ts.isConstructorDeclaration(member)) {
            member.parameters.forEach((parameter, index) => {
              if (!ts.isIdentifier(parameter.name) || parameter.name.text !== 'code') return;
              info.codeParam = index;
              const type = parameter.type;
              const literals =
                type && ts.isUnionTypeNode(type)
                  ? type.types
                  : type && ts.isLiteralTypeNode(type)
                    ? [type]
                    : [];
              for (const t of literals) {
                if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) info.codes.push(t.literal.text);
              }
            });
          }
        }
        found.set(info.name, info);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The kind of a class, its own or its nearest ancestor's. */
function kindOf(name: string | undefined, all: ReadonlyMap<string, ClassInfo>): ErrorKind | undefined {
  for (let info = name ? all.get(name) : undefined; info; info = info.base ? all.get(info.base) : undefined) {
    if (info.kind) return info.kind;
  }
  return undefined;
}

function extendsLedgerError(name: string | undefined, all: ReadonlyMap<string, ClassInfo>): boolean {
  for (let info = name ? all.get(name) : undefined; info; info = info.base ? all.get(info.base) : undefined) {
    if (info.base === 'LedgerError') return true;
  }
  return false;
}

/** Functions, methods and constructors of ours with a parameter named code or ...Code: name -> (index, kind). */
function codeParameters(parsed: readonly Parsed[]): Map<string, Array<{ index: number; kind: ErrorKind }>> {
  const found = new Map<string, Array<{ index: number; kind: ErrorKind }>>();
  for (const { source } of parsed) {
    const visit = (node: ts.Node): void => {
      const fn =
        ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)
          ? node
          : undefined;
      if (fn) {
        const name = ts.isConstructorDeclaration(fn)
          ? (fn.parent as ts.ClassDeclaration).name?.text
          : fn.name && ts.isIdentifier(fn.name)
            ? fn.name.text
            : undefined;
        fn.parameters.forEach((parameter, index) => {
          if (!name || !ts.isIdentifier(parameter.name) || !/^(code|\w+Code)$/.test(parameter.name.text))
            return;
          const param = parameter.name.text;
          const body = fn.body?.getText() ?? '';
          const kind: ErrorKind =
            /notFound/i.test(param) || new RegExp(`notFound\\(\\s*${param}\\b`).test(body)
              ? 'not_found'
              : /conflict/i.test(param) || new RegExp(`conflict\\(\\s*${param}\\b`).test(body)
                ? 'conflict'
                : 'invalid';
          found.set(name, [...(found.get(name) ?? []), { index, kind }]);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

export function collectErrorCodes(
  statusOf: (kind: ErrorKind) => number,
  files: readonly string[] = sourceFiles(),
): ErrorCodeEntry[] {
  const parsed = parse(files.filter((file) => !file.includes('/testing/')));
  const all = classes(parsed);
  const params = codeParameters(parsed);
  const entries = new Map<string, ErrorCodeEntry>();
  const add = (code: string, kind: ErrorKind | number, meaning: string | undefined, at: string): void => {
    const entry = entries.get(code) ?? { code, kinds: [], statuses: [], meaning: '', at };
    const status = typeof kind === 'number' ? kind : statusOf(kind);
    if (typeof kind !== 'number' && !entry.kinds.includes(kind)) entry.kinds.push(kind);
    if (!entry.statuses.includes(status)) entry.statuses.push(status);
    if (!entry.meaning && meaning) entry.meaning = meaning;
    entries.set(code, entry);
  };

  for (const info of all.values()) {
    if (!extendsLedgerError(info.name, all) && info.name !== 'LedgerError') continue;
    const kind = kindOf(info.name, all);
    if (!kind) continue;
    for (const code of info.codes) add(code, kind, info.doc || undefined, info.at);
  }

  for (const { file, source } of parsed) {
    if (file === FILTER) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
        const args = node.arguments;
        const name =
          node.expression.kind === ts.SyntaxKind.SuperKeyword ? 'super' : calleeName(node.expression);
        const codeAt = (index: number) => {
          const code = literal(args[index]);
          return code && CODE.test(code) ? code : undefined;
        };
        const lastMessage = (from: number) => {
          for (let i = args.length - 1; i > from; i -= 1) {
            const text = messageText(args[i]);
            if (text !== undefined) return text;
          }
          return undefined;
        };
        const cls = name === 'super' ? undefined : name ? all.get(name) : undefined;
        if (name && HELPER_KINDS[name] && codeAt(0)) {
          add(codeAt(0)!, HELPER_KINDS[name], lastMessage(0), file);
        } else if ((name === 'DomainError' || name === 'super') && codeAt(0) && literal(args[1])) {
          add(codeAt(0)!, literal(args[1]) as ErrorKind, lastMessage(1), file);
        } else if (cls && cls.codeParam !== undefined && codeAt(cls.codeParam) && kindOf(cls.name, all)) {
          add(codeAt(cls.codeParam)!, kindOf(cls.name, all)!, lastMessage(cls.codeParam), file);
        } else if (name && params.has(name)) {
          for (const { index, kind } of params.get(name)!) {
            if (codeAt(index)) add(codeAt(index)!, kind, lastMessage(index), file);
          }
        }
      }
      // A problem listed before it is thrown: { field, code: '...', message } (seed files, recording rights).
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) =>
          node.properties.find(
            (p): p is ts.PropertyAssignment =>
              ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
          )?.initializer;
        const hasMessage = node.properties.some(
          (p) =>
            (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
            p.name.getText() === 'message',
        );
        const code = literal(property('code'));
        if (code && CODE.test(code) && hasMessage)
          add(code, 'invalid', messageText(property('message')), file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  // The shell's own codes: problem(<status>, '<CODE>', title, detail) and the router's status -> code switch.
  const filter = parsed.find((p) => p.file === FILTER);
  if (filter) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && calleeName(node.expression) === 'problem') {
        const [status, code, title, detail] = node.arguments;
        const value = literal(code);
        if (status && ts.isNumericLiteral(status) && value && CODE.test(value)) {
          add(value, Number(status.text), messageText(detail) ?? literal(title), FILTER);
        } else if (value && CODE.test(value)) {
          add(value, 400, messageText(detail) ?? literal(title), FILTER);
        }
      }
      if (ts.isCaseClause(node) && ts.isNumericLiteral(node.expression)) {
        const returned = node.statements.find(ts.isReturnStatement)?.expression;
        const value = literal(returned);
        if (value && CODE.test(value)) add(value, Number(node.expression.text), undefined, FILTER);
      }
      ts.forEachChild(node, visit);
    };
    visit(filter.source);
  }
  for (const entry of entries.values()) {
    entry.statuses.sort((a, b) => a - b);
    if (!entry.meaning) entry.meaning = entry.code.toLowerCase().replace(/_/g, ' ');
  }
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The README table: code, HTTP status, meaning. */
export function errorCodesTable(entries: readonly ErrorCodeEntry[]): string {
  const rows = entries.map(
    (e) => `| \`${e.code}\` | ${e.statuses.join(', ')} | ${cell(e.meaning.replace(/`/g, "'"))} |`,
  );
  return ['| code | HTTP status | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
