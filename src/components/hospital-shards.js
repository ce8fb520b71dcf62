// Where the institution page finds one hospital's months, departments and DRGs: the shards of
// loaders/hospital_shards.ts (extracted by Framework from data/hospital-shards.tar). Framework needs each
// file named literally; the list's length is that module's shardCount (a site test checks).
import { FileAttachment } from "observablehq:stdlib";

export const shardIndex = FileAttachment("../data/hospital-shards/index.csv").href;

export const shards = [
  FileAttachment("../data/hospital-shards/00.json").href,
  FileAttachment("../data/hospital-shards/01.json").href,
  FileAttachment("../data/hospital-shards/02.json").href,
  FileAttachment("../data/hospital-shards/03.json").href,
  FileAttachment("../data/hospital-shards/04.json").href,
  FileAttachment("../data/hospital-shards/05.json").href,
  FileAttachment("../data/hospital-shards/06.json").href,
  FileAttachment("../data/hospital-shards/07.json").href,
  FileAttachment("../data/hospital-shards/08.json").href,
  FileAttachment("../data/hospital-shards/09.json").href,
  FileAttachment("../data/hospital-shards/10.json").href,
  FileAttachment("../data/hospital-shards/11.json").href,
  FileAttachment("../data/hospital-shards/12.json").href,
  FileAttachment("../data/hospital-shards/13.json").href,
  FileAttachment("../data/hospital-shards/14.json").href,
  FileAttachment("../data/hospital-shards/15.json").href,
  FileAttachment("../data/hospital-shards/16.json").href,
  FileAttachment("../data/hospital-shards/17.json").href,
  FileAttachment("../data/hospital-shards/18.json").href,
  FileAttachment("../data/hospital-shards/19.json").href,
  FileAttachment("../data/hospital-shards/20.json").href,
  FileAttachment("../data/hospital-shards/21.json").href,
  FileAttachment("../data/hospital-shards/22.json").href,
  FileAttachment("../data/hospital-shards/23.json").href,
  FileAttachment("../data/hospital-shards/24.json").href,
  FileAttachment("../data/hospital-shards/25.json").href,
  FileAttachment("../data/hospital-shards/26.json").href,
  FileAttachment("../data/hospital-shards/27.json").href,
  FileAttachment("../data/hospital-shards/28.json").href,
  FileAttachment("../data/hospital-shards/29.json").href,
  FileAttachment("../data/hospital-shards/30.json").href,
  FileAttachment("../data/hospital-shards/31.json").href,
];
