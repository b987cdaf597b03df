// The records API: the background writer, popup and options read and write through these only.
export * from './schemas';
export * from './identity';
export * from './chain';
export * from './chains';
export * from './repeat';
export * from './export';
export * from './search';
export * from './blockIndex';
export * from './buckets';
export { LONDON, londonDate, londonDayEnd, londonDayStart, londonOffsetMinutes } from './time';
export * from './views';
