import { hospitalShards, tarArchive } from "../../loaders/hospital_shards.ts";

process.stdout.write(tarArchive(await hospitalShards()));
