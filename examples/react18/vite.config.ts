import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// dedupe: digit-pad/react must use this app's React 18, not the React 19 its sibling examples install one folder up.
export default defineConfig({ plugins: [react()], resolve: { dedupe: ['react', 'react-dom'] } });
