/** What a syntax error made the HCL parser drop (eval/terraform/module-facts.ts droppedText; TF001/TF003 decide by it). */
import { describe, expect, it } from 'vitest';
import { droppedText } from '../../src/eval/terraform/module-facts.js';
import { parseHcl } from '../../src/parse/hcl/index.js';

const dropped = (text: string): string => droppedText(parseHcl(text, '/x/main.tf')).replace(/\s+/g, ' ').trim();

describe('droppedText', () => {
  it.each([
    ['a resource with an error: the resource only', 'resource "a" "b" {\n  name "rg"\n}\nterraform {\n  backend "azurerm" {}\n}\n', /^resource "a" "b" \{ name "rg" \}$/],
    ['an indented terraform block with an error', 'provider "azurerm" {\n  features {}\n}\n  terraform {\n    backend "azurerm" {\n      key = "x" "y"\n    }\n  }\n', /terraform \{ backend "azurerm"/],
    ['a block an unclosed one swallows', 'resource "a" "b" {\n  name = "rg"\n\nterraform {\n  backend "azurerm" {}\n}\n', /backend "azurerm"/],
    ['a comment is no dropped text', '# terraform backend notes\nresource "a" "b" {\n  name "rg"\n}\n', /^resource "a" "b" \{ name "rg" \}$/],
  ])('%s', (_name, text, re) => expect(dropped(text)).toMatch(re));
});
