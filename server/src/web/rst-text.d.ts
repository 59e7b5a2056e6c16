// The web build embeds the bundled template as text (esbuild's `text` loader).
declare module '*.rst' {
  const text: string;
  export default text;
}
