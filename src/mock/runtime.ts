/**
 * Everything the request pipeline needs, compiled once per mock (never per request): routes,
 * error catalog, the stages with their defects, variants, limits by plan, header rules.
 */
import type { Contract, ErrorSpec } from '../spec/contract.ts';
import type { LoadedSpec, MockConfig } from '../spec/mock-config.ts';
import type { ErrorCatalog } from './error-catalog.ts';
import { buildErrorCatalog, synthesized } from './error-catalog.ts';
import { CONFORMANT } from './conformant.ts';
import { resolveDefects } from './defects.ts';
import type { StageWrappers, Stages } from './stages.ts';
import { composeStages } from './stages.ts';
import type { Limits } from './rate-limiter.ts';
import { anonymousLimitsFor, limitsFor } from './limits.ts';
import type { BehaviourOptions } from './options.ts';
import type { Route } from './routes.ts';
import { compileRoutes } from './routes.ts';
import type { MockState } from './state.ts';
import type { VariantSet } from './variants.ts';
import { resolveVariants } from './variants.ts';

export interface RequiredHeaderRule {
  name: string;
  value: string;
  /** compare media types (Content-Type, Accept) instead of exact values */
  mediaType: boolean;
  error: ErrorSpec;
}

export interface Runtime {
  contract: Contract;
  mock: MockConfig;
  state: MockState;
  /** the conformant stages wrapped by the switched-on defects */
  stages: Stages;
  variants: VariantSet;
  errors: ErrorCatalog;
  options: BehaviourOptions;
  routes: Route[];
  requiredHeaders: RequiredHeaderRule[];
  /** limits of a credential by its plan name (cached) */
  limits(plan: string | undefined): Limits | undefined;
  /** limits of requests without credentials: the anonymous plan, else (headers on every response) the first plan's */
  anonymousLimits: Limits | undefined;
  defects: string[];
}

const MEDIA_TYPE_HEADERS = new Set(['content-type', 'accept']);

function requiredHeaderError(name: string, value: string): ErrorSpec {
  const isContentType = name.toLowerCase() === 'content-type';
  const spec = synthesized(isContentType ? 415 : 400, isContentType ? 'unsupported_media_type' : 'missing_required_header');
  spec.code = spec.id;
  spec.description = `The ${name} header must be ${value}.`;
  return spec;
}

/** @param wrap stage wrappers applied outside the defects' (the plain listener's open API) */
export function createRuntime(spec: LoadedSpec, state: MockState, options: BehaviourOptions = {}, wrap: readonly StageWrappers[] = []): Runtime {
  const { contract, mock } = spec;
  const stages = composeStages(CONFORMANT, [...resolveDefects(spec, options.defects), ...wrap]);
  const limitCache = new Map<string | undefined, Limits | undefined>();
  const limits = (plan: string | undefined): Limits | undefined => {
    if (!limitCache.has(plan)) limitCache.set(plan, limitsFor(spec, plan, options));
    return limitCache.get(plan);
  };
  return {
    contract,
    mock,
    state,
    stages,
    variants: resolveVariants(options.variants),
    errors: buildErrorCatalog(spec),
    options,
    routes: compileRoutes(spec),
    requiredHeaders: contract.requiredHeaders.map((h) => ({
      name: h.name,
      value: h.value,
      mediaType: MEDIA_TYPE_HEADERS.has(h.name.toLowerCase()),
      error: requiredHeaderError(h.name, h.value),
    })),
    limits,
    anonymousLimits: anonymousLimitsFor(spec, options),
    defects: [...(options.defects ?? [])],
  };
}
