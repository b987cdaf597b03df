export * from './schema';
export { POLICY, criterion } from './pack';
