// A "7" written with real mouse input (puppeteer), as a person writes it: a top bar and a diagonal.
// The CSP page test and the example-apps test write the same digit so their answers compare.

/** Writes the 7 inside `box` ({ x, y, width, height } in viewport pixels). */
export async function writeSeven(page, box) {
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  for (const [fx, fy] of [[0.45, 0.25], [0.7, 0.25], [0.6, 0.45], [0.5, 0.65], [0.42, 0.8]]) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
}
