import HtmlWebpackPlugin from 'html-webpack-plugin';

// Nothing digit-pad specific: webpack 5 emits the package's .wasm and weights by itself.
export default {
  mode: 'production',
  context: import.meta.dirname,
  entry: './main.js',
  output: { path: `${import.meta.dirname}/dist`, clean: true },
  plugins: [new HtmlWebpackPlugin({ template: './index.html' })],
};
