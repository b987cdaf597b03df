export interface DemoRoute {
  host: string;
  path: string;
  file: string;
}
export declare const DEMO_DIR: string;
export declare const DEMO_ROUTES: {
  x: DemoRoute;
  xHostileCss: DemoRoute;
  facebook: DemoRoute;
};
export declare function demoUrl(route: { host: string; path: string }): string;
export interface DemoServer {
  port: number;
  httpPort: number;
  httpsPort: number;
  close(): Promise<void>;
}
export declare function startServer(options?: {
  pages?: Record<string, string | (() => string)>;
}): Promise<DemoServer>;
