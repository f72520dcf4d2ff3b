/**
 * Static check of server actions: every exported action must establish who is calling before it does
 * anything (getCurrentUser / requirePageUser / an assert… from lib/server/permissions.ts), directly or
 * through a helper in the same file. Server actions are public POST endpoints, so a missing check is a hole
 * no page layout can close.
 */
import ts from "typescript";

export const GUARD_CALLS = ["getCurrentUser", "requirePageUser", "assertCan", "assertCanWriteTeam"] as const;

export interface ActionCheck {
  name: string;
  guarded: boolean;
}

interface FunctionInfo {
  exported: boolean;
  calls: Set<string>;
}

function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isIdentifier(callee)) names.add(callee.text);
      else if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

function isExported(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

/** The exported functions of a "use server" module and whether each reaches a guard call. */
export function checkServerActions(source: string, fileName = "actions.ts"): ActionCheck[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const functions = new Map<string, FunctionInfo>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      functions.set(statement.name.text, { exported: isExported(statement), calls: calledNames(statement.body) });
    } else if (ts.isVariableStatement(statement)) {
      const exported = isExported(statement);
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        if (ts.isIdentifier(decl.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          functions.set(decl.name.text, { exported, calls: calledNames(init.body) });
        }
      }
    }
  }
  const guarded = new Map<string, boolean>();
  const reaches = (name: string, seen: Set<string>): boolean => {
    if (guarded.has(name)) return guarded.get(name)!;
    const info = functions.get(name);
    if (!info || seen.has(name)) return false;
    seen.add(name);
    const ok = [...info.calls].some((c) => (GUARD_CALLS as readonly string[]).includes(c) || reaches(c, seen));
    guarded.set(name, ok);
    return ok;
  };
  return [...functions.entries()].filter(([, info]) => info.exported).map(([name]) => ({ name, guarded: reaches(name, new Set()) }));
}
