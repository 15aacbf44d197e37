// Opens the interactive docs of a running server (./run.sh) in headless Chromium, runs "GET services" from the
// page and prints what came back. Manual check, not part of ./test.sh: needs Debian's chromium (apt-get install
// chromium) and playwright-core (npm install --no-save playwright-core@1). Usage: node tools/e2e/docs-page.mjs [shot.png]
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1300, height: 1400 } });
await page.goto((process.env.OPEN311_URL ?? "http://127.0.0.1:7071") + "/open311/docs");
const op = "#operations-GeoReport_v2-GetServices";
await page.waitForSelector(op, { timeout: 20000 });
console.log("operations rendered:", await page.$$eval(".opblock", els => els.length));
await page.click(`${op} .opblock-summary-control`);
await page.waitForTimeout(800);
const tryOut = await page.$(`${op} .try-out__btn`);
console.log("try-out button text:", tryOut ? await tryOut.textContent() : "(none)");
if (tryOut && (await tryOut.textContent()).includes("Try")) await tryOut.click();
const select = await page.$(`${op} select`);
if (select) await select.selectOption("json");
await page.click(`${op} .execute`);
await page.waitForSelector(`${op} .live-responses-table .response-col_status`, { timeout: 20000 });
console.log("status:", (await page.$eval(`${op} .live-responses-table .response-col_status`, e => e.textContent)).trim());
console.log("request url:", await page.$eval(`${op} .request-url pre`, e => e.textContent).catch(() => "?"));
console.log("body:", (await page.$eval(`${op} .live-responses-table .microlight`, e => e.textContent)).slice(0, 160));
await page.screenshot({ path: process.argv[2] ?? "docs-page.png" });
await browser.close();
