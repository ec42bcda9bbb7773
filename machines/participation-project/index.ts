export * from './blocker-messages';
export * from './blockers';
export * from './machine-graph';
export * from './next-steps';
export * from './project-snapshot';
export * from './project.machine';
export * from './project.types';
