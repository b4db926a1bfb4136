/** The GitHub repositories a `.git/config` names as remotes (src/core/git-remotes.ts; CI004's first-party references). */
import { describe, expect, it } from 'vitest';
import { githubRemotes, githubRepositoryOf } from '../../src/core/git-remotes.js';

describe('githubRepositoryOf', () => {
  it.each([
    ['https://github.com/Azure/azureml-assets', 'azure/azureml-assets'],
    ['https://github.com/Azure/azureml-assets.git', 'azure/azureml-assets'],
    ['https://x-access-token:abc@github.com/Azure/azureml-assets.git', 'azure/azureml-assets'],
    ['git@github.com:Azure/azureml-assets.git', 'azure/azureml-assets'],
    ['ssh://git@github.com/Azure/azureml-assets', 'azure/azureml-assets'],
    ['ssh://git@github.com:22/Azure/azureml-assets.git/', 'azure/azureml-assets'],
  ])('%s', (url, repo) => expect(githubRepositoryOf(url)).toBe(repo));

  it.each([['https://dev.azure.com/org/project/_git/repo'], ['https://github.com/Azure'], ['https://github.com.evil.example/Azure/x'], ['../local/path'], ['']])('%s is no GitHub repository', (url) =>
    expect(githubRepositoryOf(url)).toBeUndefined(),
  );
});

describe('githubRemotes', () => {
  it('reads the url of the origin remote only (another remote, a fork\'s upstream, is another repository; review 131)', () => {
    const config = [
      '[core]',
      '\turl = https://github.com/not/a-remote',
      '[remote "origin"]',
      '\turl = https://github.com/Azure/azureml-assets',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[remote "upstream"]',
      '    URL = git@github.com:microsoft/azureml-assets.git',
      '[branch "main"]',
      '\tremote = origin',
      '[remote "again"]',
      '\turl = https://github.com/azure/AzureML-Assets.git',
    ].join('\r\n');
    expect(githubRemotes(config)).toEqual(['azure/azureml-assets']);
    // The older `[remote.origin]` header, a key on the header's line, a comment after the value (review 132).
    expect(githubRemotes('[remote.origin]\n\turl = https://github.com/a/b.git\n')).toEqual(['a/b']);
    expect(githubRemotes('[remote "origin"] url = https://github.com/a/c\n')).toEqual(['a/c']);
    expect(githubRemotes('[remote "origin"]\n\turl = https://github.com/a/d.git ; the fork\n')).toEqual(['a/d']);
    expect(githubRemotes('[remote "upstream"]\n\turl = https://github.com/BigOrg/ml-infra\n[remote "Origin"]\n\turl = https://github.com/me/ml-infra\n')).toEqual([]);
  });
});
