/** The tool's version, from package.json, for reports and `--version`. */
import { version } from '../package.json';

export const TOOL_VERSION: string = version;
