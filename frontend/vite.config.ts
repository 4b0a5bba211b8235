import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served on 127.0.0.1:5173 only; the browser reaches it as http://localhost:5173, the one origin the APIs allow (CORS)
// and the issuer redirects back to.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', sourcemap: true },
});
