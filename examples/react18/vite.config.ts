import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// dedupe (and "paths" in tsconfig.json): only because the sibling examples install React 19 one folder up;
// an app with one React needs neither.
export default defineConfig({ plugins: [react()], resolve: { dedupe: ['react', 'react-dom'] } });
