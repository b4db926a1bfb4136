/**
 * Which JSON files the ARM front end takes by their content: templates and parameter files by
 * `$schema`, and parameter files written without it, as `az deployment … --parameters @file`
 * reads them (azure-cli `_process_parameters`: `parsed.get('parameters', parsed)`).
 */
import { describe, expect, it } from 'vitest';
import { armJsonKind } from '../../src/frontends/arm.js';

const TEMPLATE = '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": []}';
const PARAMS = '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}';

describe('armJsonKind', () => {
  it('reads $schema', () => {
    expect(armJsonKind(TEMPLATE, 'main.json')).toBe('arm');
    expect(armJsonKind(PARAMS, 'main.parameters.json')).toBe('arm-params');
  });

  it('takes a parameter file without $schema, wrapped in `parameters` or not, when its name says so', () => {
    expect(armJsonKind('{"location": {"value": "eastus"}, "kv": {"reference": {"secretName": "s"}}}', 'main.prod.parameters.json')).toBe('arm-params');
    expect(armJsonKind('{"parameters": {"location": {"value": "eastus"}}}', 'params.dev.json')).toBe('arm-params');
    expect(armJsonKind('// comment\n{"location": {"value": "eastus"}}', 'azuredeploy.parameters.json')).toBe('arm-params');
  });

  it('leaves other JSON alone', () => {
    // Not named for parameters; a member that is no parameter value; empty; not an object.
    expect(armJsonKind('{"location": {"value": "eastus"}}', 'settings.json')).toBeUndefined();
    expect(armJsonKind('{"location": {"value": "eastus"}, "name": "x"}', 'main.parameters.json')).toBeUndefined();
    expect(armJsonKind('{}', 'main.parameters.json')).toBeUndefined();
    expect(armJsonKind('[{"value": 1}]', 'main.parameters.json')).toBeUndefined();
    // A policy definition's parameters declare types, not values.
    expect(armJsonKind('{"effect": {"type": "String", "allowedValues": ["Audit"]}}', 'azurepolicy.parameters.json')).toBeUndefined();
  });
});
