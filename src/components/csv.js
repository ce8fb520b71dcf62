// Parsing a published dataset in the browser: CSV with a header, numbers as numbers, empty as null.
import { csvParse } from "d3-dsv";

export function parseDataset(text) {
  return csvParse(text, (row) => {
    const out = {};
    for (const [key, value] of Object.entries(row)) {
      if (value === "") out[key] = null;
      else if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value) && !/^0\d/.test(value)) out[key] = Number(value);
      else out[key] = value;
    }
    return out;
  });
}
