/**
 * viewer/main — entry point: the bundled Vazirmatn font (Arabic and Persian shaping offline),
 * the styles, then the app.
 */
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/500.css';
import '@fontsource/vazirmatn/700.css';
import './style.css';
import { startApp } from './app.ts';

startApp().catch((err: unknown) => {
  console.error(err);
});
