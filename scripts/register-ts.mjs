// Lets `node --import` run the TypeScript sources directly (bench, schema writer) through tsx.
import { register } from 'tsx/esm/api';
register();
