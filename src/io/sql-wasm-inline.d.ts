// sql.js's build with the WebAssembly inlined: @types/sql.js types only the package's main entry.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import type { SqlJsStatic } from 'sql.js';
  const initSqlJs: (config?: object) => Promise<SqlJsStatic>;
  export default initSqlJs;
}
