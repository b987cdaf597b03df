// Writes the demo pages from comments.mjs: `node scripts/demo/build.mjs`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMENTS, MORE_COMMENTS, POST } from './comments.mjs';
import { HOSTILE_CSS, renderFacebookPost, renderXThread } from './render.mjs';
import { DEMO_ROUTES } from '../lib/serve.mjs';

const dir = dirname(fileURLToPath(import.meta.url));
const statusOf = (route) => route.path.split('/').pop();

const pages = {
  [DEMO_ROUTES.x.file]: renderXThread({
    post: POST,
    comments: COMMENTS,
    more: MORE_COMMENTS,
    statusId: statusOf(DEMO_ROUTES.x),
  }),
  [DEMO_ROUTES.xHostileCss.file]: renderXThread({
    post: POST,
    comments: COMMENTS,
    more: MORE_COMMENTS,
    statusId: statusOf(DEMO_ROUTES.xHostileCss),
    extraHead: HOSTILE_CSS,
  }),
  [DEMO_ROUTES.facebook.file]: renderFacebookPost({
    post: POST,
    comments: COMMENTS,
    more: MORE_COMMENTS,
    postPath: DEMO_ROUTES.facebook.path,
  }),
};
for (const [file, html] of Object.entries(pages)) {
  writeFileSync(join(dir, file), html);
  console.log(`wrote scripts/demo/${file} (${(html.length / 1024).toFixed(0)} KiB)`);
}
