export * from './shared/envelope';
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/dated-event';
export * from './shared/rules';
export * from './shared/upcasters';

export * from './corrections/aggregate-definition';
export * from './corrections/aggregate-registry';
export * from './corrections/correction.command';
export * from './corrections/correction.event';
export * from './corrections/correction.errors';
export * from './corrections/decide-correction';
export * from './corrections/effective-events';

export * from './housing/housing.commands';
export * from './housing/housing.events';
export * from './housing/housing.state';
export * from './housing/housing.decider';
export * from './housing/housing.aggregate';

export * from './subsidy/subsidy.commands';
export * from './subsidy/subsidy.events';
export * from './subsidy/subsidy.state';
export * from './subsidy/subsidy.rules';
export * from './subsidy/subsidy.decider';
export * from './subsidy/subsidy.aggregate';

export * from './remains/remains.commands';
export * from './remains/remains.events';
export * from './remains/remains.state';
export * from './remains/remains.decider';
export * from './remains/remains.aggregate';

export * from './training/training.commands';
export * from './training/training.events';
export * from './training/training.state';
export * from './training/training.decider';
export * from './training/training.aggregate';
