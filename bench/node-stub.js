// Stands in for Node built-ins that tfjs-backend-wasm's ES bundle imports but never calls in browsers.
export default {};
