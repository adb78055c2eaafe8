import { Fragment } from 'react';
import type { DocumentNode } from '@/lib/core/plan/review-document';

/** The document's text with every item's span as a <mark id="span-…"> (nested like the tree). */
export function DocumentText({ nodes, kinds }: { nodes: DocumentNode[]; kinds: Record<string, string> }) {
  return nodes.map((node, index) =>
    node.kind === 'text' ? (
      <Fragment key={index}>{node.text}</Fragment>
    ) : (
      <mark key={node.id} id={`span-${node.id}`} data-item={node.id} data-kind={kinds[node.id]}>
        <DocumentText nodes={node.children} kinds={kinds} />
      </mark>
    ),
  );
}
