import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:8080';

/**
 * Long-cached vendor chunks. Ant Design is left to the automatic splitting so that the table,
 * date picker, drawer… code loads with the lazy pages that use it, not on the login page.
 */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
  { name: 'libs', test: /node_modules[\\/](i18next|react-i18next|@tanstack|dayjs|zod)[\\/]/, priority: 20 },
];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's shared core (theme, CSS-in-JS, form, button…) is one chunk of about 600 kB minified.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
