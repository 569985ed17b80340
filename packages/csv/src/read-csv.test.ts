import { describe, expect, it } from "vitest";
import { CsvError, decodeText, readCsv } from "./read-csv.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("reads UTF-8 with a BOM, quoted commas and line breaks, and trims cells", () => {
    const table = readCsv(utf8('\uFEFF名称 , 说明\n"城东村" ,"一, 二"\n西村,"两\n行"\n'));
    expect(table).toEqual({
      header: ["名称", "说明"],
      rows: [
        { line: 2, cells: ["城东村", "一, 二"] },
        { line: 3, cells: ["西村", "两\n行"] },
      ],
      encoding: "utf-8",
    });
  });

  it("falls back to GBK for bytes that are not UTF-8 (Excel on Chinese Windows)", () => {
    // 名称,村\r\n城,1 in GBK.
    const gbk = Uint8Array.from([
      0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb4, 0xe5, 0x0d, 0x0a, 0xb3, 0xc7, 0x2c, 0x31, 0x0d, 0x0a,
    ]);
    expect(decodeText(gbk)).toEqual({ text: "名称,村\r\n城,1\r\n", encoding: "gbk" });
    expect(readCsv(gbk)).toEqual({ header: ["名称", "村"], rows: [{ line: 2, cells: ["城", "1"] }], encoding: "gbk" });
  });

  it("numbers rows as a spreadsheet does: blank rows skipped but counted, short rows padded", () => {
    const table = readCsv(utf8("a,b,c\n1,2,3\n\n,,\n4\n5,6,7,\n"));
    expect(table.rows).toEqual([
      { line: 2, cells: ["1", "2", "3"] },
      { line: 5, cells: ["4", "", ""] },
      { line: 6, cells: ["5", "6", "7"] },
    ]);
  });

  it("refuses an unclosed quote and a row longer than its header, naming the row", () => {
    let quote: unknown = null;
    try {
      readCsv(utf8('名称,省抽不合格数\n"示例村,1\n'));
    } catch (e) {
      quote = e;
    }
    expect(quote).toBeInstanceOf(CsvError);
    expect((quote as CsvError).reason.en).toMatch(/^row 2: a quote is not closed/);
    expect(() => readCsv(utf8("a,b\n1,2\n1,2,3\n"))).toThrow("row 3 has 3 cells, more than the header's 2 columns");
  });

  it("tells its progress row by row", () => {
    const heard: [number, number][] = [];
    readCsv(utf8("a\n1\n2\n3\n"), (rows, expected) => heard.push([rows, expected]));
    expect(heard).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
