export * from './shared/envelope';
export * from './shared/decider';
export * from './shared/ledger-error';
export * from './shared/domain-error';
export * from './shared/dated-event';
export * from './shared/rules';
export * from './shared/local-time';
export * from './shared/upcasters';

export * from './actions';
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

export * from './health-insurance/health-insurance.commands';
export * from './health-insurance/health-insurance.events';
export * from './health-insurance/health-insurance.state';
export * from './health-insurance/health-insurance.decider';
export * from './health-insurance/health-insurance.aggregate';

export * from './social-insurance/social-insurance.commands';
export * from './social-insurance/social-insurance.events';
export * from './social-insurance/social-insurance.state';
export * from './social-insurance/social-insurance.decider';
export * from './social-insurance/social-insurance.aggregate';

export * from './unemployment-insurance/unemployment-insurance.commands';
export * from './unemployment-insurance/unemployment-insurance.events';
export * from './unemployment-insurance/unemployment-insurance.state';
export * from './unemployment-insurance/unemployment-insurance.decider';
export * from './unemployment-insurance/unemployment-insurance.aggregate';

export * from './clean-water/clean-water.commands';
export * from './clean-water/clean-water.events';
export * from './clean-water/clean-water.state';
export * from './clean-water/clean-water.decider';
export * from './clean-water/clean-water.aggregate';

export * from './hygienic-latrine/hygienic-latrine.commands';
export * from './hygienic-latrine/hygienic-latrine.events';
export * from './hygienic-latrine/hygienic-latrine.state';
export * from './hygienic-latrine/hygienic-latrine.decider';
export * from './hygienic-latrine/hygienic-latrine.aggregate';

export * from './job-placement/job-placement.commands';
export * from './job-placement/job-placement.events';
export * from './job-placement/job-placement.state';
export * from './job-placement/job-placement.decider';
export * from './job-placement/job-placement.aggregate';

export * from './policy-loan/policy-loan.commands';
export * from './policy-loan/policy-loan.events';
export * from './policy-loan/policy-loan.state';
export * from './policy-loan/policy-loan.decider';
export * from './policy-loan/policy-loan.aggregate';

export * from './allowance-grant/allowance-grant.commands';
export * from './allowance-grant/allowance-grant.events';
export * from './allowance-grant/allowance-grant.state';
export * from './allowance-grant/allowance-grant.decider';
export * from './allowance-grant/allowance-grant.aggregate';

export * from './measurement/measurement.commands';
export * from './measurement/measurement.events';
export * from './measurement/measurement.state';
export * from './measurement/measurement.decider';
export * from './measurement/measurement.aggregate';

export * from './plan';

export * from './shared/event-reading';
export * from './access';
export * from './four-eyes';
export * from './personal-data';
export * from './accounts';
export * from './exports';
