/** Which top-level block a syntax error made the HCL parser drop (eval/terraform/module-facts.ts droppedBlockType; TF001/TF003 decide by it). */
import { describe, expect, it } from 'vitest';
import { droppedBlockType } from '../../src/eval/terraform/module-facts.js';

/** The type for an error at the first `⟦` of `text`. */
function at(text: string): string | undefined {
  const offset = text.indexOf('⟦');
  return droppedBlockType(text.replace('⟦', ''), offset);
}

describe('droppedBlockType', () => {
  it.each([
    ['an attribute of a resource', 'resource "azurerm_resource_group" "rg" {\n  name ⟦"rg"\n}\n', 'resource'],
    ['the terraform block', 'provider "azurerm" {\n  features {}\n}\nterraform {\n  backend "azurerm" {\n    key = "x" ⟦"y"\n  }\n}\n', 'terraform'],
    ['a header line itself', 'module "net" ⟦oops {\n}\n', 'module'],
    ['text between two blocks', 'provider "azurerm" {\n  features {}\n}\n⟦```\n', ''],
    ['a Markdown fence on the first line', '⟦```hcl\nprovider "azurerm" {}\n', undefined],
    ['a nested block written unindented: not known', 'terraform {\nbackend "azurerm" {\n  key = ⟦\n}\n}\n', undefined],
  ])('%s', (_name, text, type) => expect(at(text)).toBe(type));
});
