import * as esbuild from 'esbuild';
const r = await esbuild.build({
  entryPoints: [process.argv[2]],
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: 'esm',
  logLevel: 'error',
});
const out = Object.values(r.metafile.outputs)[0];
console.log('total', out.bytes);
for (const [k, v] of Object.entries(out.inputs)
  .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
  .slice(0, 8))
  console.log(v.bytesInOutput, k);
