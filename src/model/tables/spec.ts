/**
 * The shape of the normalization tables: which source attribute feeds which canonical
 * attribute, and the default when it is absent. Tables are data; `normalize.ts` is the
 * one piece of code that reads them.
 */
import type { ResourceKind } from '../resource.js';

/**
 * How a source value becomes the canonical one: `enabledToBool` (`"Enabled"`/`"Disabled"` → a
 * bool), `invertBool` (an azurerm `x_enabled` bool for an ARM `disableX`), `boolToEnabled` (an
 * azurerm bool for an ARM `"Enabled"`/`"Disabled"` string). `default` is in canonical terms.
 */
export type Converter = 'enabledToBool' | 'invertBool' | 'boolToEnabled' | 'none';

export interface AttrSpec {
  canonical: string;
  /**
   * Dotted paths in the source body, tried in order (provider renames: v3 and v4 names).
   * A numeric segment indexes a list (a nested block: `scale_settings.0.min_node_count`).
   */
  paths: string[];
  /** Default when absent (plain JSON), from the provider/ARM documentation cited in the table. */
  default?: unknown;
  /**
   * ARM defaults that changed with an API version: the default of the latest entry whose
   * `apiVersion` is not after the resource's (dates compared, `-preview` ignored) replaces
   * `default`. A resource whose API version is not known gets an unknown value.
   */
  defaultSince?: { apiVersion: string; value: unknown }[];
  /**
   * azurerm: what older provider versions did differently when the attribute is absent. For a
   * configuration whose version constraints allow only versions below `before`, the first such
   * entry (in ascending `before` order) gives the name the message uses (`path`, else
   * `paths[0]`) and the default that applies (`default`, when the entry has one).
   */
  providerHistory?: { before: string; path?: string; default?: unknown }[];
  convert?: Converter;
  /**
   * Absent, the value is not known: what the tool sends when the argument is not written is not
   * documented (an azurerm bool the provider may send as false). Read only by Azure Policy's view.
   */
  absentUnknown?: true;
}

export interface ElementSpec {
  /** Canonical kind of each element (`aks.nodepool` for `default_node_pool`). */
  kind: ResourceKind;
  /** Path of the list of elements in the body. */
  path: string;
  attrs: AttrSpec[];
  /** Canonical attributes set on every element (e.g. `mode: System` for `default_node_pool`). */
  fixed?: Record<string, unknown>;
  /** Canonical attributes set on the first element only when absent (ARM: the first agent pool is the system pool). */
  firstDefaults?: Record<string, unknown>;
  /** Path of the element's own name inside the element. */
  namePath?: string;
  derived?: DerivedFacts;
}

export interface KindSpec {
  kind: ResourceKind;
  attrs: AttrSpec[];
  /** Reference attributes: canonical ref name → paths of the value that identifies the target. */
  refs?: Record<string, string[]>;
  elements?: ElementSpec[];
  /** Canonical attributes fixed for this source type (`computeType: cluster`). */
  fixed?: Record<string, unknown>;
  derived?: DerivedFacts;
}

/**
 * Facts read from a shape the attribute paths cannot express, replacing the attributes' when it
 * applies: `aksVirtualMachinesPool` (`src/model/aks-virtual-machines-pool.ts`), an AKS pool of type
 * VirtualMachines whose sizes and counts are scale profiles. `base`: the pool's path prefix.
 */
export interface DerivedFacts {
  facts: 'aksVirtualMachinesPool';
  base: string;
}
